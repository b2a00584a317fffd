"""Django forms of the project pages: input checked and said in Dutch before a service runs."""
