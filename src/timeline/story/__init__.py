"""The story: what the articles report, across articles (pure functions over events).

`match` tells whether two event mentions report the same happening; `happenings` merges the
mentions of a whole input into happenings with a consensus time; `rank` orders them by their
importance to the story; `infer` dates an undated article from the happenings it shares with
dated ones; `diff` compares two accounts.
"""
