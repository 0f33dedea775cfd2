"""reportlint.output"""
