/** Fills a route pattern's parameters with well-formed values that point at nothing. */
export const concreteUrl = (url: string) =>
  url
    .replace(':id', '00000000-0000-4000-8000-000000000000')
    .replace(':code', '370612')
    .replace(':year', '2027')
    .replace(':action', 'approve')
    .replace(':key', 'no-such-definition')
