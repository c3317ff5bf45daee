// The browser's IANA time zone ("Asia/Tokyo"), for staff pages that show times where the reader is.
export function timeZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
