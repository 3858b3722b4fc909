"""The Qt shell: windows and widgets over the plain-Python core. Widgets hold no business logic."""

TIMER_MAX_MS = 2**31 - 1  # a Qt timer's longest interval (24.8 days): milliseconds in an int32
