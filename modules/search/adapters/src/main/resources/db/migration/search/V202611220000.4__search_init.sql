-- The search module owns schema "search" (created by Flyway from quarkus.flyway.schemas); tables arrive with the search issue.
SELECT 1;
