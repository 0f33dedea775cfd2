from reportlint.cli import run

run()
