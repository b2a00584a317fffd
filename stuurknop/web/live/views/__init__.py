"""The live session's views: the facilitator's (project pages) and the participants' (public)."""
