# The two commands a new user needs: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock | cksum | cut -d' ' -f1)
HOST   ?= 127.0.0.1
PORT   ?= 8000
CHROMIUM ?= /usr/bin/chromium

.PHONY: stack stack-stop test-stack load-stack backup restore run test fuzz install fonts bundle-fonts messages migrate demo browser office nu wrk serve lint format check lock bench load observatory clean screenshots

# Links in emails and on certificates follow the address served (awards_site/site_url.py).
run demo serve: export SITE_URL ?= http://$(HOST):$(PORT)

run: install messages migrate demo ## Development server with the demo site on 127.0.0.1:8000
	@echo "Serving on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)  Ctrl-C stops."
	$(PY) manage.py runserver $(HOST):$(PORT)

# In parallel, one worker per CPU (pytest-xdist; TEST_WORKERS=0 for one process), a test file at a
# time in collection order, so each worker runs its browser journeys after its other tests (on
# PostgreSQL their live server commits). Each worker has its own test database, var folder and
# Redis database (awards_site/settings/test.py).
TEST_WORKERS ?= auto
test: install messages browser office nu ## The whole suite (SQLite; PostgreSQL when DATABASE_URL is set)
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder $(PYTEST_ARGS)

install: $(STAMP) fonts

$(STAMP): pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e ".[dev]"
	rm -f $(VENV)/.installed-* && touch $@

messages: install ## Compile the French translations (gettext's msgfmt)
	$(PY) manage.py compilemessages --ignore=.venv -v0

migrate: install
	$(PY) manage.py migrate --noinput -v0

demo: install
	$(PY) manage.py load_demo

# Debian's Noto fonts: every script a nominee may write shows on the pages (Chromium) and is the
# source of the PDF fonts bundled in static/fonts/ (PDFs use only those: a server needs none).
FONT_PACKAGES := fonts-noto-core fonts-noto-color-emoji fonts-dejavu-core
fonts: ## Debian's Noto fonts (installed with apt when run as root)
	@if dpkg -s $(FONT_PACKAGES) >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	  echo "Installing Debian's Noto fonts..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(FONT_PACKAGES) >/dev/null; \
	else \
	  echo "Note: Debian's $(FONT_PACKAGES) are not installed (PDFs do not need them: they use static/fonts/)."; \
	fi

# Rebuild static/fonts/ from the Debian fonts and Noto Emoji (npm's @fontsource/noto-emoji).
NOTO_EMOJI ?= @fontsource/noto-emoji@5.3.2
bundle-fonts: install
	rm -rf /tmp/cxawards-emoji && mkdir -p /tmp/cxawards-emoji
	cd /tmp/cxawards-emoji && npm pack --silent $(NOTO_EMOJI) >/dev/null && tar xzf *.tgz
	$(PY) manage.py bundle_fonts --emoji /tmp/cxawards-emoji/package/files/noto-emoji-emoji-400-normal.woff2

browser: ## Debian's Chromium for the browser tests (installed with apt when run as root)
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's chromium for the browser tests..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "Chromium is missing: install Debian's 'chromium' package (or set CHROMIUM=/path)."; exit 1; \
	  fi; \
	fi

# The spreadsheet-injection tests open every exported file with LibreOffice, as a person would
# (tests/site/security/test_export_injection.py): Debian's Calc without the desktop parts.
SOFFICE ?= soffice
office: ## Debian's LibreOffice Calc (headless) for the export tests (installed with apt when run as root)
	@if ! command -v $(SOFFICE) >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's libreoffice-calc-nogui for the export tests..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null; \
	  else \
	    echo "LibreOffice is missing: install Debian's 'libreoffice-calc-nogui' package (or set SOFFICE=/path)."; exit 1; \
	  fi; \
	fi

# The W3C Nu HTML Checker (npm's vnu-jar, run with Java) checks every public page's markup
# (tests/site/test_html_validity.py). npm installs it into .nu/ (ignored by git), once.
VNU_JAR_VERSION ?= 26.9.27
VNU_JAR := .nu/node_modules/vnu-jar/build/dist/vnu.jar
nu: $(VNU_JAR) ## The W3C Nu HTML Checker (npm's vnu-jar) and Java (Debian's, with apt as root)
	@if ! command -v java >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's default-jre-headless for the Nu HTML Checker..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	  else \
	    echo "Java is missing: install Debian's 'default-jre-headless' package."; exit 1; \
	  fi; \
	fi

$(VNU_JAR):
	@command -v npm >/dev/null || { echo "npm is missing: it installs the Nu HTML Checker (vnu-jar)."; exit 1; }
	npm install --silent --no-audit --no-fund --no-save --ignore-scripts --prefix .nu vnu-jar@$(VNU_JAR_VERSION)
	@test -f $@ || { echo "npm did not install $@ (another vnu-jar version?)"; exit 1; }

# bench/pages.py drives gunicorn with Debian's HTTP load generator.
wrk: ## Debian's wrk for bench/pages.py (installed with apt when run as root)
	@if ! command -v wrk >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's wrk for bench/pages.py..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	  else \
	    echo "wrk is missing: install Debian's 'wrk' package."; exit 1; \
	  fi; \
	fi

# Production-like: gunicorn, DEBUG off, static files served by whitenoise; no TLS on loopback.
serve: export DJANGO_SETTINGS_MODULE = awards_site.settings.production
serve: export SECRET_KEY ?= $(shell $(PY) -c 'from pathlib import Path; from awards_site.settings.secret import local_secret_key as k; print(k(Path("var/secret_key")))')
serve: export ALLOWED_HOSTS ?= 127.0.0.1,localhost
serve: export SECURE_SSL_REDIRECT ?= 0
serve: export SERVE_MEDIA ?= 1
# SITE_URL on loopback is refused in production (awards_site/checks.py) but for this local run.
serve: export ALLOW_LOCAL_SITE_URL ?= 1
serve: install messages
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py migrate --noinput -v0
	$(VENV)/bin/gunicorn --config deploy/gunicorn.conf.py awards_site.wsgi --bind $(HOST):$(PORT) --workers $${WEB_CONCURRENCY:-2} --access-logfile -

lint: install ## ruff, migrations in step with models, deploy check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

lock: ## Refresh requirements.lock from a fresh resolve of pyproject.toml
	rm -rf /tmp/cxawards-lock && $(PYTHON) -m venv /tmp/cxawards-lock
	/tmp/cxawards-lock/bin/pip install --quiet -e ".[dev]"
	/tmp/cxawards-lock/bin/pip freeze --exclude-editable | grep -v '^cx-awards' > requirements.lock

# Random exploration (tests/properties.py): the property tests with FUZZ_SCALE (20) times their
# examples, random, the examples database in .hypothesis/ (hypothesis marks its tests "hypothesis").
# Each failure found becomes an @example.
fuzz: install messages ## Property tests with many random examples (not part of make test)
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest -q -p no:randomly -m "hypothesis and not browser" tests

# The guides' screenshots: the editor's browser journey writes docs/img/editors (docs/editors.md),
# the Portuguese and Arabic journeys docs/img/languages (docs/translations.md).
screenshots: install messages browser ## Regenerate docs/img/*/*.png from the real site
	@command -v pdftoppm >/dev/null || { [ "$$(id -u)" = "0" ] && apt-get install -y -qq poppler-utils >/dev/null; } \
	  || { echo "pdftoppm is missing (Debian's poppler-utils): it draws the certificates."; exit 1; }
	EDITOR_SCREENSHOTS=docs/img/editors $(PY) -m pytest tests/browser/staff/test_editor_journey.py -q
	LANGUAGE_SCREENSHOTS=docs/img/languages $(PY) -m pytest tests/browser/public/languages -q

bench: install messages migrate demo wrk browser ## Benchmarks print their figures (not part of make test)
	$(PY) bench/page_weight.py
	$(PY) bench/pages.py
	$(PY) bench/slow_network.py
	$(PY) bench/nomination_wizard.py
	$(PY) bench/assignment.py
	$(PY) bench/results.py
	$(PY) bench/certificates.py
	$(PY) bench/sponsor_reports.py
	$(PY) bench/feedback.py
	$(PY) bench/search.py
	$(PY) bench/reach.py

# LOAD_ARGS="--duration 30s --nominators 20 --judges 5 --visitors 5" for a short run.
load: install messages ## Load test: gunicorn + PostgreSQL on 127.0.0.1, locust (bench/README.md)
	$(PY) -c "import locust" 2>/dev/null || $(PY) -m pip install --quiet -c requirements.lock -e ".[load]"
	$(PY) bench/load/run.py $(or $(LOAD_ARGS),--then-half)

observatory: install messages ## MDN HTTP Observatory grades of the local site (needs node, npm, openssl)
	$(PY) bench/observatory/run.py

# The production shape on this machine (deploy/stack.py, docs/operations.md): nginx with TLS on
# 127.0.0.1:8443 balancing two gunicorn nodes (8101, 8102), two task workers, PostgreSQL
# (database cxawards_stack, made afresh with the demo), Redis (database 8) and S3 (moto's server
# on 9100, a stand-in for tests only). Debian's nginx is installed with apt as root.
stack: install messages ## Start nginx, two web nodes, two workers, PostgreSQL, Redis and S3 (var/stack/)
	@command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx || { \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's nginx..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; \
	  else echo "nginx is missing: install Debian's 'nginx' package."; exit 1; fi; }
	$(PY) deploy/stack.py start

stack-stop: ## End exactly what `make stack` started (the pid files of var/stack/run/)
	$(PY) deploy/stack.py stop

# The stack's own tests (marked "stack", tests/stack/) and the roles' browser journeys (marked
# "journey", tests/browser/) through its nginx, reading the stack's database. A stack already
# running (`make stack`) is used and left running; otherwise one is started, and stopped
# whatever the tests answered.
STACK_TESTS = DATABASE_URL="$$($(PY) deploy/stack.py env DATABASE_URL)" \
	$(PY) -m pytest --stack -p no:randomly -q tests/stack tests/browser $(PYTEST_ARGS)
test-stack: install messages ## Run the tests marked "stack" against the stack (started and stopped if not running)
	@if $(PY) deploy/stack.py running; then \
	  echo "Testing the running stack (make stack-stop ends it)."; $(STACK_TESTS); \
	else \
	  $(MAKE) stack && { $(STACK_TESTS); status=$$?; $(PY) deploy/stack.py stop; exit $$status; }; \
	fi

# One node against two through the stack's nginx: req/s, p95 and saturation of pages
# (bench/stack_load.py), then of make load's nominators, judges and visitors (bench/load/on_stack.py).
load-stack: install wrk ## Against a running `make stack`: one node and two, pages (wrk) and make load's people (locust)
	$(PY) -c "import locust" 2>/dev/null || $(PY) -m pip install --quiet -c requirements.lock -e ".[load]"
	$(PY) bench/stack_load.py
	$(PY) bench/load/on_stack.py $(LOAD_ARGS)

# pg_dump of DATABASE_URL and a copy of both buckets (or the media folders) into BACKUP_DIR
# (deploy/backup.py, docs/operations.md#backups); `make restore BACKUP=...` puts one back.
BACKUP_DIR ?= var/backups
backup: install ## Back up the database and the media (BACKUP_DIR, default var/backups)
	$(PY) deploy/backup.py backup $(BACKUP_DIR)

restore: install ## Restore a backup (BACKUP=var/backups/<moment>) into DATABASE_URL and the buckets
	@test -n "$(BACKUP)" || { echo "Name the backup: make restore BACKUP=var/backups/<moment>"; exit 1; }
	$(PY) deploy/backup.py restore $(BACKUP)

clean:
	rm -rf $(VENV) staticfiles
