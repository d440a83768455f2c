"""factory-boy factories of every model the tests create, one module per app: accounts (users),
nominations, judging and cms. Each factory makes a valid object with nothing given; unique
values come from sequences in domains and codes the demo data, which every test database holds
(tests/conftest.py), never uses."""
