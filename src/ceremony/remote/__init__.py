"""Remote control: an HTTP/WebSocket API and a phone page, OSC, QR codes for the phone, and a follower."""
