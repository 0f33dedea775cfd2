"""reportlint.validators"""
