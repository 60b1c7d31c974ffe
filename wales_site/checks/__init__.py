"""Every check the project has, in one registry (registry.py), run by one runner
(runner.py) and reported from the same problems in every form (report.py)."""
