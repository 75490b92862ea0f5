"""The Git editorial workflow: roles, review reports, publishing controls, history, scaffolding."""
