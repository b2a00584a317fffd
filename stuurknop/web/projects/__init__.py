"""Projects shared between partner organisations, stored as rows that mirror the document."""
