import { useEffect, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { readHashToken } from "./next-path";

/**
 * The token of an emailed link (`…#token=…`), read once; the fragment is then dropped from the
 * address bar, so the token does not linger in history or get copied along with the address.
 */
export function useHashToken(): string | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => readHashToken(location.hash));
  useEffect(() => {
    if (location.hash) {
      void navigate(
        { pathname: location.pathname, search: location.search },
        { replace: true, state: location.state },
      );
    }
  }, [location, navigate]);
  return token;
}
