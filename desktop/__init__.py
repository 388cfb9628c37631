"""The Qt face of Kafaat and its command line. Importing this package does not import Qt."""
