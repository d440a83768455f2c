"""Confirming a signature of the open letter or the pledge as its signer would, with the link
emailed to them (cms/signing/confirmation.py): the link is made here as the email makes it, so
tests that
do not run the email task can still follow it."""

from django.test import Client

from cms.signing.confirmation import make_token


def confirm_link(model, email):
    signature = model.objects.get(email=email.strip().lower())
    return f"/signatures/confirm/{make_token(signature)}/"


def confirm(model, email, client=None):
    response = (client or Client()).post(confirm_link(model, email))
    assert response.status_code == 302, response
    return response
