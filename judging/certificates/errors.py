"""The error of the certificates' acts: refused, with a message for the administrator."""


class CertificateError(Exception):
    """An act refused, with a message for the administrator who tried it."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message
