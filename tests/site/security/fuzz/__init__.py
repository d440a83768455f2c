"""Every public form and the judges' scoresheet under hostile input (hypothesis): arbitrary
Unicode with NUL and control characters, right-to-left text and emoji, 10,000-character strings,
numbers too big or not numbers, malformed dates, fields left out, extra fields and several values
where one is expected. Whatever is sent:

- the site answers without a server error (the test client re-raises any exception of a view);
- an invalid submission gets the form again with the error summary and a message saying what to
  do, and nothing is stored;
- a submission the site accepts is stored as it was typed (spaces around it trimmed).

Each example starts with fresh rate-limit counters and is rolled back at its end, so examples do
not see each other's rows (and, on PostgreSQL, a database error in one cannot hide in the next).

The tests by the app whose forms they post to: test_accounts.py (allauth's sign-up, log-in and
password reset), test_public_forms.py (the open letter, the pledge, the partner enquiry, search,
certificate verification), test_nominations.py (the deletion request, the wizard's steps and
evidence), test_judging.py (the scoresheet and conflicts). checks.py is what they ask of every
answer; strategies.py the hostile input.
"""
