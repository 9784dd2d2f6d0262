"""The eligibility check's logic, apart from its page model (services/models/checker.py).

flow.py   the questions and results as a graph: walking a parent's answers, and checking that
          an editor's checker has no dead ends, loops or parts that can never be reached.
steps.py  the pages of the check (start, question, check your answers, result, problem), for
          the live site and for the admin preview, and the web addresses between them.
"""
