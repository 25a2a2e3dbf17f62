"""Reading inputs and writing outputs: the only stage that touches files."""
