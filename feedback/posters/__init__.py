"""A service point's printable poster (A4) and counter card (A6): the QR code of its public
address, the address and code in large type, and the SMS line when its country has a gateway
(docs/feedback.md, "Posters")."""
