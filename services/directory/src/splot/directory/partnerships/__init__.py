"""Local partnerships (issue #15): initiative, parties, agreement versions and confirmations,
roles, the action plan and service standard, targets, meetings and internal evaluations.

Modules: ``models``; ``lifecycle`` (agreement states and the table of transitions); ``access``
(who sees and changes what); ``core`` (initiative, invitations, parties, roles); ``agreements``
(versions, confirmations, termination, the events); ``recorded`` (agreements recorded through
the older ``/v1/agreements``); ``plan`` (tasks, criteria, standard, targets,
the standard's deadline between two parties); ``meetings`` (meetings, evaluations); ``indicators``;
``schemas``; ``demo``.
"""
