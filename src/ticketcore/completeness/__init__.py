"""Completeness scoring: judge whether a ticket tells the support team enough to act.

The text detectors live in private modules (``_detectors`` is their entry point); the public
``assess`` layer that turns their detections into a score and findings is built on top of them.
"""
