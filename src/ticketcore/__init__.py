"""Model, validate and judge the completeness of help-desk support tickets."""
