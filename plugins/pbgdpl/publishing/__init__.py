"""Package the built portal for CDNs and mirrors: feeds, open data, sitemap, rules, manifest."""
