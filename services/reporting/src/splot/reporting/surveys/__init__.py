"""Surveys of institutions (issue #16): questionnaires, rounds sent to institutions, their
responses, protected results, cross-tabs with the hard indicators, exports and reminders."""
