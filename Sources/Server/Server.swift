// Server: `cmsh serve` — a cmsh site on the network for unmodified clients. SiteServer (HTTPS, auth, access
// log) → AdminServiceRoutes (the OData WMI route) → SiteHost (the engine, one request at a time).
