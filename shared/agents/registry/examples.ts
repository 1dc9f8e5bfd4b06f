import type * as v from "valibot";
import type { BrandContext } from "./schemas/common.ts";

type Brand = v.InferInput<typeof BrandContext>;

/** A consumer brand the example inputs share, so examples read as one campaign. */
export const STRIDE: Brand = {
  brandName: "Stride Labs",
  product: "eco-friendly running shoes made from recycled ocean plastic",
  audience: "urban commuters aged 25-40 who run to work",
  positioning: "performance without the footprint",
  tone: "confident and playful",
};

/** A B2B brand, for the agents whose work differs most for business buyers. */
export const LEDGERLY: Brand = {
  brandName: "Ledgerly",
  product: "automated invoicing and cash-flow forecasting software for small agencies",
  audience: "owners and finance leads of 5-50 person creative agencies",
  positioning: "get paid on time without chasing",
  tone: "calm and expert",
};
