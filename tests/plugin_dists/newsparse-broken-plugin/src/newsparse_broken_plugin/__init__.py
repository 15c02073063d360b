"""A newsparse plugin that cannot even be imported (on purpose)."""

raise RuntimeError("newsparse-broken-plugin is broken on purpose")
