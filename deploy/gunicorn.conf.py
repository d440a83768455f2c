"""gunicorn's settings for a web node, in production and in `make stack` alike (deploy/systemd/,
docs/operations.md). Everything a machine changes comes from the environment."""

import gc
import os

# The address nginx's upstream names (deploy/nginx/upstream.conf).
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Two processes per core is a sound start for a site that waits on PostgreSQL and Redis; PDFs
# and spreadsheets are rendered by the task workers, not here.
workers = int(os.environ.get("WEB_CONCURRENCY", str(2 * (os.cpu_count() or 1))))
# Threads in each worker (gunicorn's gthread worker): a page no longer waits behind another
# request of its process, such as a log-in, whose password check (PBKDF2, about 0.3 s of CPU)
# runs in OpenSSL with Python's lock released, or an upload on a slow line. With sync workers a
# page view queued behind log-ins took over 300 ms at half the load the site saturates at
# (bench/README.md, the load test). Each thread keeps its own database connection: a node opens
# up to workers x threads of them (docs/operations.md, sizing).
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# A request longer than this is killed (its worker restarted): the proxy's own timeout is longer
# (deploy/nginx/proxy.conf), so the visitor gets the site's answer, not the proxy's.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# No keep-alive: each answer closes its connection, as with sync workers (which ignore the
# setting). A connection kept idle can be closed by the node (a worker replaced after
# GUNICORN_MAX_REQUESTS, a reload, the idle limit) just as the client sends on it, and that
# request fails: 1 to 10 in 5,000 of a saturated load test with 75 s or 5 s. Behind nginx on the
# same network a new connection per request costs little.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "0"))
# A worker is replaced after this many requests (with jitter, so they do not all go at once):
# memory a long-running Python process gathers is given back.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
# The application loads before the workers fork: they share its memory, and a broken release
# fails at start, not on the first request.
preload_app = True


def pre_fork(server, worker):
    """Just before a worker is forked from the loaded application: its objects are moved out of
    the garbage collector's generations (gc.freeze), so the worker's collections never write to
    them, and the pages it shares with the master stay shared instead of being copied into each
    worker (bench/pages.py prints each worker's own memory, USS, and its share, PSS)."""
    gc.freeze()


# nginx logs every request as JSON with its request id; the site logs one line per request too
# (LOG_REQUESTS): gunicorn's access log would be a third copy.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Behind nginx only: X-Forwarded-* from the proxy on this machine or the private network.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
proc_name = os.environ.get("NODE_NAME", "cxawards-web")
# gunicorn's control socket (gunicornc) is one path per user by default: two nodes on one
# machine (make stack) would take it from each other. Off unless a path is given.
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
else:
    control_socket_disable = True

# gunicorn's own lines (starting, a worker killed for its timeout) as JSON too, like the site's
# (LOG_FORMAT, awards_site/operations/logs.py), so the log collector reads one format.
if os.environ.get("LOG_FORMAT", "json") == "json":
    logconfig_dict = {
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
                "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
                "static_fields": {"node": proc_name},
            }
        },
        "handlers": {
            "json_console": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stderr",
            }
        },
        # gunicorn merges these sections over its own, whole: each names only handlers above.
        "root": {"level": "INFO", "handlers": ["json_console"]},
        "loggers": {
            "gunicorn.error": {"level": "INFO", "handlers": ["json_console"], "propagate": False}
        },
    }
