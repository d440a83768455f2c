"""Answers by SMS (docs/feedback.md, "SMS answers"): a gateway (Africa's Talking, RapidPro)
posts each inbound message to /feedback/sms/<gateway id>/ with its secret; the message
`CODE 4 6 Y 9 comment` is read by grammar.py and taken like a web answer."""
