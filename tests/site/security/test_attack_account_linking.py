"""Attacks on account linking (issue 13, section 1), written as the attacker would try them:
someone with the source code and an ordinary account signs up with the address of a future
judge, sponsor user or editor (a mailbox they do not read), never confirms it, and waits for an
administrator to give that address a role. Then: sign-up, log-in and password reset probed for
which addresses have accounts. The rules are awards_site/accounts/linking.py's and
cms/signing/confirmation.py's; docs/security.md ("Account linking") says why.

Each test fails on the code before the guard it names (checked by removing the guard)."""

import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from cms.models import OpenLetterSignature, Partner, SponsorMember
from judging.models import JudgeProfile
from judging.panel.invitations import invite
from nominations.models import Nomination
from tests.factories.accounts import EmailAddressFactory
from tests.factories.nominations import DraftNominationFactory
from tests.pages import form_action, page_text

pytestmark = pytest.mark.django_db

ATTACKER_PASSWORD = "the attacker's own passphrase"
OWNER_PASSWORD = "the real owner's passphrase"
JUDGE = "esi.mensah@ministry.example"


# Helpers --------------------------------------------------------------------------------------
@pytest.fixture
def client(client, django_capture_on_commit_callbacks):
    """The test client, with the emails a request queues after its transaction sent at once."""
    return on_commit_sending(client, django_capture_on_commit_callbacks)


def on_commit_sending(client, capture):
    post, get = client.post, client.get

    def sending(method):
        def request(*args, **kwargs):
            with capture(execute=True):
                return method(*args, **kwargs)

        return request

    client.post, client.get = sending(post), sending(get)
    return client


@pytest.fixture
def new_client(django_capture_on_commit_callbacks):
    return lambda: on_commit_sending(Client(), django_capture_on_commit_callbacks)


def sign_up(client, email, password=ATTACKER_PASSWORD):
    return client.post("/accounts/signup/", {"email": email, "password1": password})


def sign_in(client, email, password):
    client.post("/accounts/login/", {"login": email, "password": password})
    return "_auth_user_id" in client.session


def mail_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def link_in(message):
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


def choose_password(client, link, password):
    """Follow a one-time link to choose a password (allauth's reset from key), as a person."""
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    response = client.post(form_url, {"password1": password, "password2": password})
    assert response.status_code == 302, page_text(response)


def squatter(email, *, second_address="me@attacker.example"):
    """An account made with someone else's address before the rules: a password, a signed-in
    session, an authenticator app, and a second, confirmed address that its maker reads (what
    sign-up without a code allowed, and what accounts made before it still hold)."""
    user = get_user_model().objects.create_user(email=email, password=ATTACKER_PASSWORD)
    EmailAddressFactory(user=user, email=email, primary=True, verified=False)
    EmailAddressFactory(user=user, email=second_address, primary=False, verified=True)
    TOTP.activate(user, generate_totp_secret())
    session = Client()
    session.force_login(user)
    assert session.get("/my-nominations/").status_code == 200
    return user, session


def is_signed_in(session):
    return session.get("/my-nominations/").status_code == 200


@pytest.fixture
def admin_session(new_client):
    """The demo administrator, signed in through the log-in page, who has just confirmed it is
    them (changing accounts in the admin asks for it: awards_site/accounts/users_admin.py)."""
    session = new_client()
    assert sign_in(session, "admin@demo.test", settings.DEMO_PASSWORD)
    session.post("/accounts/reauthenticate/", {"password": settings.DEMO_PASSWORD})
    return session


# 1. Sign-up before the invitation ---------------------------------------------------------------
def test_a_sign_up_with_someone_elses_address_gives_no_session_and_no_role(client, new_client):
    """Guard: ACCOUNT_EMAIL_VERIFICATION = "mandatory" with the code typed in the browser that
    signed up (before: "optional", and the attacker was signed in at once)."""
    attacker = client
    sign_up(attacker, JUDGE)
    assert "_auth_user_id" not in attacker.session
    invite(JUDGE, invited_by=get_user_model().objects.get(email="admin@demo.test"))
    # The attacker's browser, and the attacker's password, reach nothing.
    assert attacker.get("/judging/")["Location"].startswith("/accounts/login/")
    assert not sign_in(new_client(), JUDGE, ATTACKER_PASSWORD)


def test_inviting_a_squatted_address_ends_the_squatters_password_sessions_and_second_address(
    admin_session, new_client
):
    """Guard: account_linking.secure_unproven_account in the judge invitation (before: "an
    existing account keeps its password")."""
    user, attacker = squatter(JUDGE)
    response = admin_session.post(
        "/admin/judging/judges/new/",
        {"email": JUDGE, "first_name": "Esi", "last_name": "Mensah", "language": "en"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert not user.has_usable_password()
    assert not is_signed_in(attacker)
    assert not sign_in(new_client(), JUDGE, ATTACKER_PASSWORD)
    assert not sign_in(new_client(), "me@attacker.example", ATTACKER_PASSWORD)
    assert not Authenticator.objects.filter(user=user).exists()
    assert list(EmailAddress.objects.filter(user=user).values_list("email", flat=True)) == [JUDGE]
    # A password reset to the attacker's address now goes nowhere near the account.
    new_client().post("/accounts/password/reset/", {"email": "me@attacker.example"})
    assert all(
        "/accounts/password/reset/key/" not in m.body for m in mail_to("me@attacker.example")
    )

    # The judge gets in through the link in the invitation, and only the judge.
    (invitation,) = mail_to(JUDGE)
    judge = new_client()
    choose_password(judge, link_in(invitation), OWNER_PASSWORD)
    assert sign_in(judge, JUDGE, OWNER_PASSWORD)
    assert judge.get("/judging/").status_code == 200
    assert EmailAddress.objects.get(user=user, email=JUDGE).verified


def test_a_confirmed_account_keeps_its_password_when_invited(new_client):
    """The documented rule: a confirmed address proved its owner reads the mailbox."""
    person = new_client()
    sign_up(person, "kofi@judges.example", OWNER_PASSWORD)
    (message,) = mail_to("kofi@judges.example")
    code = re.search(r"^([A-Z0-9]{3,}-?[A-Z0-9]{3,})$", message.body, re.MULTILINE).group(1)
    person.post("/accounts/confirm-email/", {"code": code})
    invite("kofi@judges.example")
    assert is_signed_in(person)
    assert person.get("/judging/").status_code == 200
    assert sign_in(new_client(), "kofi@judges.example", OWNER_PASSWORD)


def test_a_sponsor_membership_for_a_squatted_address_ends_the_squatters_access(
    admin_session, new_client
):
    """Guard: account_for_invitation in SponsorMemberForm (before: it linked the account as it
    was, and asked the person to "sign up first")."""
    user, attacker = squatter("reports@harmattan.example")
    partner = Partner.objects.get(name="Harmattan Wave Media")
    response = admin_session.post(
        "/admin/snippets/cms/sponsormember/add/",
        {"email": "reports@harmattan.example", "partner": partner.pk, "language": "en"},
    )
    assert response.status_code == 302
    assert SponsorMember.objects.get(user=user).partner == partner
    assert attacker.get("/sponsors/")["Location"].startswith("/accounts/login/")
    assert not sign_in(new_client(), "reports@harmattan.example", ATTACKER_PASSWORD)
    (invitation,) = mail_to("reports@harmattan.example")
    owner = new_client()
    choose_password(owner, link_in(invitation), OWNER_PASSWORD)
    assert sign_in(owner, "reports@harmattan.example", OWNER_PASSWORD)
    assert owner.get("/sponsors/").status_code == 200


def test_a_staff_group_for_a_squatted_address_ends_the_squatters_access(admin_session, new_client):
    """Guard: account_linking.on_groups_added (a group given in Settings ▸ Users; before: the
    account kept its password and sessions and became an editor's)."""
    user, attacker = squatter("web.editor@awards.example")
    url = f"/admin/users/edit/{user.pk}/"
    form = admin_session.get(url).context["form"]
    data = {
        "first_name": "Web",
        "last_name": "Editor",
        "email": user.email,
        "is_active": "on",
        "groups": [str(Group.objects.get(name="Editors").pk)],
        **{name: form[name].value() for name in form.fields if name == "language"},
    }
    response = admin_session.post(url, data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    assert response["Location"] == "/admin/users/", response["Location"]
    assert user.groups.filter(name="Editors").exists()
    assert not is_signed_in(attacker)
    assert attacker.get("/admin/")["Location"].startswith("/admin/login/")
    assert not sign_in(new_client(), "web.editor@awards.example", ATTACKER_PASSWORD)
    assert not sign_in(new_client(), "me@attacker.example", ATTACKER_PASSWORD)
    (access,) = mail_to("web.editor@awards.example")
    owner = new_client()
    choose_password(owner, link_in(access), OWNER_PASSWORD)
    assert sign_in(owner, "web.editor@awards.example", OWNER_PASSWORD)
    assert owner.get("/admin/").status_code == 200


def test_the_assign_role_bulk_action_secures_a_squatted_account_too(admin_session, new_client):
    """Guard: the same signal, whatever path adds the group (Wagtail's bulk action here)."""
    user, attacker = squatter("bulk.editor@awards.example", second_address="b@attacker.example")
    group = Group.objects.get(name="Editors")
    response = admin_session.post(
        f"/admin/bulk/awards_site/user/assign_role/?id={user.pk}",
        {"role": group.pk},
    )
    assert response.status_code == 302
    assert user.groups.filter(pk=group.pk).exists()
    assert not is_signed_in(attacker)
    assert not sign_in(new_client(), "b@attacker.example", ATTACKER_PASSWORD)
    assert "/accounts/password/reset/key/" in link_in(mail_to("bulk.editor@awards.example")[0])


def test_a_reset_through_a_second_address_does_not_confirm_the_first(new_client):
    """Guard: verify_email_on_password_reset checks the account has no other address (before: a
    reset link sent to the attacker's second address confirmed the judge's address)."""
    user, _session = squatter(JUDGE)
    attacker = new_client()
    attacker.post("/accounts/password/reset/", {"email": "me@attacker.example"})
    (reset,) = mail_to("me@attacker.example")
    choose_password(attacker, link_in(reset), "another attacker passphrase")
    assert not EmailAddress.objects.get(user=user, email=JUDGE).verified
    invite(JUDGE)
    user.refresh_from_db()
    assert not user.has_usable_password()


# 2. Unconfirmed accounts do not linger ----------------------------------------------------------
def test_unconfirmed_accounts_are_removed_after_the_window_unless_they_hold_something(new_client):
    """Guard: manage.py remove_unconfirmed (before: none; an unconfirmed account stayed for
    ever, waiting for a role)."""
    User = get_user_model()
    for email in ["old.squat@example.org", "old.draft@example.org", "young@example.org"]:
        sign_up(new_client(), email)
    old_invited, _ = invite("old.judge@example.org")
    draft_owner = User.objects.get(email="old.draft@example.org")
    DraftNominationFactory(nominator=draft_owner, cycle=Nomination.objects.first().cycle)
    long_ago = timezone.now() - timedelta(days=settings.CONFIRMATION_WINDOW_DAYS + 1)
    User.objects.exclude(email="young@example.org").filter(
        email__in=[
            "old.squat@example.org",
            "old.draft@example.org",
            "old.judge@example.org",
        ]
    ).update(date_joined=long_ago)
    call_command("remove_unconfirmed", stdout=open("/dev/null", "w"))  # noqa: SIM115
    remaining = set(User.objects.values_list("email", flat=True))
    assert "old.squat@example.org" not in remaining
    # A draft nomination, an invited judge's role, a young sign-up: kept.
    assert {"old.draft@example.org", "old.judge@example.org", "young@example.org"} <= remaining
    assert JudgeProfile.objects.filter(pk=old_invited.pk).exists()
    assert "admin@demo.test" in remaining and "nominator@demo.test" in remaining


# 3. Co-signing on behalf of an organisation -----------------------------------------------------
def test_co_signing_as_an_organisation_needs_its_mailbox(client, new_client):
    """Guard: SignaturePage.signatures() counts confirmed signatures only (before: anyone listed
    any organisation on the open letter with any address)."""
    client.post(
        form_action("/open-letter/"),
        {
            "name": "Not The Minister",
            "organisation": "Ministry of Finance of Somewhere",
            "country": "GH",
            "email": "minister@finance.example",
            "list_publicly": "on",
        },
    )
    page = page_text(client.get("/open-letter/"))
    assert "Ministry of Finance of Somewhere" not in page
    assert OpenLetterSignature.objects.get().confirmed_at is None
    # Only the link in the ministry's mailbox makes it count.
    (message,) = mail_to("minister@finance.example")
    new_client().post(link_in(message))
    assert "Ministry of Finance of Somewhere" in page_text(client.get("/open-letter/"))


# 4. Which addresses have accounts: sign-up, log-in and reset answer alike ----------------------
KNOWN = "nominator@demo.test"
UNKNOWN = "nobody.here@example.org"


def seen(response, typed):
    """What a person sees: the status, where they ended, the page's text (with the address they
    typed written the same way) and the messages shown."""
    text = page_text(response).replace(typed, "<typed>")
    shown = [str(message) for message in response.context["messages"]] if response.context else []
    return (
        response.status_code,
        response.redirect_chain[-1][0]
        if response.redirect_chain
        else response.request["PATH_INFO"],
        text,
        [message.replace(typed, "<typed>") for message in shown],
    )


def both(new_client, method, url, data_for):
    """The same request for a known and an unknown address, each from a fresh browser."""
    results = []
    for address in (KNOWN, UNKNOWN):
        response = getattr(new_client(), method)(url, data_for(address), follow=True)
        results.append(seen(response, address))
    return results


def test_sign_up_does_not_tell_whether_an_address_has_an_account(new_client):
    """Guard: mandatory verification with enumeration prevention (before: "A user is already
    registered with this email address.")."""
    known, unknown = both(
        new_client, "post", "/accounts/signup/", lambda a: {"email": a, "password1": OWNER_PASSWORD}
    )
    assert known == unknown
    assert known[1] == "/accounts/confirm-email/"
    # The mailbox is told instead: a code for the new address, a warning for the known one.
    (warning,) = mail_to(KNOWN)
    assert "already" in warning.body.lower()
    (code,) = mail_to(UNKNOWN)
    assert re.search(r"^[A-Z0-9]{3,}-?[A-Z0-9]{3,}$", code.body, re.MULTILINE)


def test_log_in_does_not_tell_whether_an_address_has_an_account(new_client):
    known, unknown = both(
        new_client, "post", "/accounts/login/", lambda a: {"login": a, "password": "wrong guess!"}
    )
    assert known == unknown
    assert known[0] == 200 and "not correct" in known[2]


def test_password_reset_does_not_tell_whether_an_address_has_an_account(new_client):
    known, unknown = both(new_client, "post", "/accounts/password/reset/", lambda a: {"email": a})
    assert known == unknown
    assert known[1] == "/accounts/password/reset/done/"
    assert "/accounts/password/reset/key/" in mail_to(KNOWN)[0].body
    assert "/accounts/password/reset/key/" not in mail_to(UNKNOWN)[0].body


def test_the_rate_limits_do_not_tell_either(new_client):
    """The per-address limits (5 failed log-ins in 5 minutes, 5 reset requests a minute) count
    an unknown address exactly as a known one."""
    outcomes = {}
    for address in (KNOWN, UNKNOWN):
        browser = new_client()
        for _attempt in range(5):
            browser.post("/accounts/login/", {"login": address, "password": "wrong guess!"})
        refused = browser.post(
            "/accounts/login/", {"login": address, "password": "wrong guess!"}, follow=True
        )
        for _attempt in range(5):
            browser.post("/accounts/password/reset/", {"email": address})
        reset_refused = browser.post("/accounts/password/reset/", {"email": address}, follow=True)
        outcomes[address] = (seen(refused, address), seen(reset_refused, address))
    assert outcomes[KNOWN] == outcomes[UNKNOWN]
    login_refused, reset_refused = outcomes[KNOWN]
    assert "Too many failed login attempts" in login_refused[2]
    assert reset_refused[0] == 429
