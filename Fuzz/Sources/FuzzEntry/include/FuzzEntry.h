// Nothing to import: this target only supplies the fuzz targets' entry points (see FuzzEntry.c).
