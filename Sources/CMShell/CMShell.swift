// CMShell: the public embedding API (Engine) and output renderers; the cmsh executable uses only this.
@_exported import CIM
@_exported import Script
@_exported import Site
@_exported import SiteStore
