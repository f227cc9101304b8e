import { useHashLocation } from 'wouter/use-hash-location';

/**
 * Hash routing with a query inside the hash (#/verify?account=…&code=…): wouter's hash hook hands the
 * query to routes as part of the path, so this one splits it off and serves it to useSearch().
 */
export function useHashRoute(): ReturnType<typeof useHashLocation> {
  const [location, navigate] = useHashLocation();
  return [location.split('?')[0]!, navigate];
}

// Links render as "#/accounts"; wouter's own hash hook does the same.
useHashRoute.hrefs = (href: string) => `#${href}`;

useHashRoute.searchHook = function useHashSearch(): string {
  const [location] = useHashLocation();
  const query = location.indexOf('?');
  return query === -1 ? '' : location.slice(query + 1);
};
