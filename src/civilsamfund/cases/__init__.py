"""Policy cases as data: a subject, a date, and the decision the rules must give."""
