"""Monitoring cooperation (issue #16): good practices of cooperation submitted by institutions
and reviewed by analysts (``models``, ``workflow``, ``search``, ``attachments``), and the problem
areas of cooperation counted from referrals, partnership evaluations and surveys
(``problem_areas``)."""
