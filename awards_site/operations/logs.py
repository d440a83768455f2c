"""The LOGGING setting: one line per event on standard output, as text (development) or as JSON
(LOG_FORMAT=json, production's default) for the log collector. Each line carries the request id
(awards_site/operations/request_id.py) and the node's name (NODE_NAME), so one visitor's request
can be followed from nginx's access log to the node and to the tasks it queued."""


def logging_config(log_format, level, node):
    json_lines = log_format == "json"
    formatter = (
        {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            "static_fields": {"node": node},
        }
        if json_lines
        else {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "awards_site.operations.request_id.RequestIdFilter"}},
        "formatters": {"site": formatter},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "site",
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "awards_site": {"level": "INFO"},
            "cms": {"level": "INFO"},
        },
    }
