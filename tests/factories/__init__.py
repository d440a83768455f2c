"""factory-boy factories of every model the tests create, one module per app: accounts (users,
their addresses, groups and sessions), site (the project's own records), nominations, judging
and cms. Each factory makes a valid object with nothing given (tests/factories/test_factories.py
checks it); unique values come from sequences in domains and codes the demo data, which every
test database holds (tests/conftest.py), never uses."""
