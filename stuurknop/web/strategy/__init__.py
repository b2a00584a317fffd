"""An organisation's strategy positions: stored, edited with a history, exported and imported,
and held against the projects at whose table it sits (the model's fourth use)."""
