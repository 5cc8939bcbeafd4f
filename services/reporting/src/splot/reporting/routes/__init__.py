"""The reporting service's HTTP layer, one router per concern (in the order the contract lists them)."""

from splot.reporting.routes import (
    aggregates,
    casework,
    editions,
    network,
    partnerships,
    practices,
    problem_areas,
    sdmx,
    survey_rounds,
    survey_tasks,
    surveys,
)
from splot.reporting.routes import report as results_report

ROUTERS = (
    aggregates.router,
    network.router,
    partnerships.router,
    casework.router,
    problem_areas.router,
    practices.router,
    editions.router,
    results_report.router,
    sdmx.router,
    surveys.router,
    survey_rounds.router,
    survey_tasks.router,
)
