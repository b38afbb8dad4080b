//! Normalisation of common news paraphrase: words that state the same claim with different
//! wording map to one concept key (firms/companies/enterprises, said/told/stated, ...).
