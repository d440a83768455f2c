"""The public search page (/search/) as a visitor uses it: what they type never fails."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ['huduma "centres', '"', "-", "OR", "(", "*", "a OR", "l'"])
def test_odd_queries_answer_a_results_page(query):
    response = Client().get("/search/", {"q": query})
    assert response.status_code == 200
    assert "cms/search.html" in [template.name for template in response.templates]
