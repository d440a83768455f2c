"""Creating an SMS gateway in the admin: the secret is made and shown once, with the webhook
address; only its digest is stored, and it lets the gateway's messages in."""

import hashlib
import re

import pytest

from feedback.models import SmsGateway

pytestmark = pytest.mark.django_db


def test_creating_a_gateway_shows_its_secret_once(demo_admin_client, point):
    response = demo_admin_client.post(
        "/admin/feedback/sms-gateways/new/",
        {
            "name": "Kenya AT",
            "provider": "africastalking",
            "country": "KE",
            "number": "21234",
            "active": "on",
        },
        follow=True,
    )
    html = response.content.decode()
    gateway = SmsGateway.objects.get(name="Kenya AT")
    match = re.search(r"/feedback/sms/(\d+)/\?secret=([\w-]+)", html)
    assert match and int(match[1]) == gateway.pk
    secret = match[2]
    assert gateway.secret_digest == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(SmsGateway.objects.filter(pk=gateway.pk).values().get())
    # Shown once: the list does not show it again.
    assert secret not in demo_admin_client.get("/admin/feedback/sms-gateways/").content.decode()
    # Editing keeps the secret.
    demo_admin_client.post(
        f"/admin/feedback/sms-gateways/edit/{gateway.pk}/",
        {
            "name": "Kenya AT 2",
            "provider": "africastalking",
            "country": "KE",
            "number": "21234",
            "active": "on",
        },
    )
    gateway.refresh_from_db()
    assert gateway.name == "Kenya AT 2"
    assert gateway.secret_digest == hashlib.sha256(secret.encode()).hexdigest()
    reply = demo_admin_client.post(
        f"/feedback/sms/{gateway.pk}/?secret={secret}",
        {"from": "+254700000001", "text": f"{point.code} 4 6 Y 9"},
    )
    assert reply.status_code == 200 and point.responses.count() == 1
