"""Schemas for the tables reportlint exports (pandera), and corpus expectation suites (great-expectations).

Imported only by the commands that need them: pandas, pandera and great_expectations stay off the
start-up path of ``reportlint FILE``.
"""

import warnings
from contextlib import contextmanager


@contextmanager
def quiet_pyspark():
    """pandera and great-expectations load their PySpark parts when pyspark is installed ([spark]);
    pyspark warns about the pandas version as it loads, which is not these commands' business."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas", category=FutureWarning)
        yield
