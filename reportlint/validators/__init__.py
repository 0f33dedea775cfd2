"""Schemas for the tables reportlint exports (pandera), and corpus expectation suites (great-expectations).

Imported only by the commands that need them: pandas, pandera and great_expectations stay off the
start-up path of ``reportlint FILE``.
"""
