"""Reading articles: what comes in before any time or event is found (pure functions over
Documents). Page furniture and duplicate texts across the input are found here."""
