"""Casework in the registry: diagnoses, individual plans, lead workers and case conferences.

It lives here, not in a service of its own, because access to a plan derives from access to the
person (registrations, referral grants, break-glass, the sensitive-data rules, the read audit),
and those checks run in the same transaction as the read. Modules: ``models``, ``catalogue``,
``workflow`` (the state table of actions and goals), ``visibility`` (who sees and edits what),
``diagnoses``, ``plans``, ``plan_items``, ``plan_views``, ``linking`` (referrals serving
actions), ``coordination`` (lead worker, case conferences), ``events``, ``demo``."""
