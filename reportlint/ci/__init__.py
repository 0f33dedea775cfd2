"""reportlint.ci"""
