"""The Qt shell: windows and widgets over the plain-Python core. Widgets hold no business logic."""
